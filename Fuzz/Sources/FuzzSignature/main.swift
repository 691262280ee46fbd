import Winnow

/// Any bytes as an article text through the dedup signature code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.signature(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
