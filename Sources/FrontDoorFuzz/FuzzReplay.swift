import Foundation

#if !FUZZING
/// Without the fuzzer (a plain `swift build`), runs the same checks on the files named on the
/// command line, so an input the fuzzer saved can be replayed under a debugger:
/// `.build/debug/FrontDoorFuzz crash-<hash>`. scripts/fuzz builds with `-D FUZZING`, and
/// libFuzzer's own `main` takes over.
@main
struct FuzzReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            ProfileFuzzCase.run(try Data(contentsOf: URL(fileURLWithPath: path)))
            print("ok \(path)")
        }
    }
}
#endif
