import Testing
@testable import FrontDoorKit

@Suite("Derive: Porter2 stemmer")
struct StemmerTests {
    /// Pairs from the Snowball English sample vocabulary and the algorithm's own examples.
    @Test(arguments: [
        ("caresses", "caress"), ("flies", "fli"), ("dies", "die"), ("ties", "tie"), ("cries", "cri"), ("gas", "gas"), ("gaps", "gap"),
        ("kiwis", "kiwi"), ("denied", "deni"), ("died", "die"), ("agreed", "agre"), ("owned", "own"), ("humbled", "humbl"),
        ("sized", "size"), ("meeting", "meet"), ("stating", "state"), ("itemization", "item"), ("sensational", "sensat"),
        ("traditional", "tradit"), ("reference", "refer"), ("colonizer", "colon"), ("plotted", "plot"), ("hopping", "hop"),
        ("hoping", "hope"), ("abandoned", "abandon"), ("abatement", "abat"), ("abilities", "abil"), ("ability", "abil"),
        ("able", "abl"), ("abnormal", "abnorm"), ("abominable", "abomin"), ("above", "abov"), ("absolutely", "absolut"),
        ("generate", "generat"), ("generously", "generous"), ("communism", "communism"), ("arsenal", "arsenal"),
        ("cry", "cri"), ("by", "by"), ("say", "say"), ("skies", "sky"), ("dying", "die"), ("news", "news"), ("proceed", "proceed"),
        ("happiness", "happi"), ("trials", "trial"), ("clinical", "clinic"), ("womens", "women"), ("women", "women"),
        ("respiratory", "respiratori"), ("evaluation", "evalu"), ("organization", "organ"), ("maternity", "matern"),
        ("gynecology", "gynecolog"), ("mental", "mental"), ("health", "health"), ("controlling", "control"), ("fully", "fulli"),
        ("nari", "nari"), ("uhb", "uhb"), ("covid19", "covid19"),
    ])
    func stems(_ word: String, _ stem: String) {
        #expect(Porter2Stemmer.stem(word) == stem)
    }
}
