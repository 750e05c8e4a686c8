import Foundation

/// libFuzzer's entry point. Built with `-sanitize=fuzzer` (scripts/fuzz), libFuzzer supplies
/// `main` and calls this with each generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    ProfileFuzzCase.run(data)
    return 0
}
