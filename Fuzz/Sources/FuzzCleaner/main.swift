import Winnow

/// Any bytes through the page cleaner; the invariants are checked in `FuzzEntry.cleanPage`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.cleanPage(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
