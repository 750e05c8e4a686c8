import Foundation

// Without the fuzzer (a plain `swift build`), this runs the same checks on the files named on
// the command line, so a crash the fuzzer found can be replayed under a debugger:
// `.build/debug/FrontDoorFuzz crash-<hash>`. The fuzzing build passes `-parse-as-library
// -D FUZZING`, and libFuzzer's own main takes over.
#if !FUZZING
for path in CommandLine.arguments.dropFirst() {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    ProfileFuzzCase.run(data)
    print("ok \(path)")
}
#endif
