import Winnow

/// Any bytes as one JSON Lines record and as an API request body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.jsonRecord(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
