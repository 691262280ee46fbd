import Glibc
import Winnow

/// Any bytes as an input file: JSONL, gzip, WET or a text page, detected by content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntry.readInput(Array(UnsafeBufferPointer(start: data, count: size)), scratchPath: scratch)
    return 0
}

/// One scratch file per process, in memory when /dev/shm exists.
let scratch = (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + "/winnow-fuzz-input-\(getpid())"
