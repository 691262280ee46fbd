#!/usr/bin/env python3
"""`winnow serve` under many slow and idle clients (fault catalog rows S2 and S3).

Two phases against a release server on loopback:

  slow   SLOW clients (default 1,000, under the connection cap) each send a request header
         one byte every 5 s; meanwhile GET /health is timed PROBES times on fresh
         connections. Target (research/reliability.md, T8): p99 under 100 ms. The clients
         keep trickling past the idle timeout, which must cut them all off.
  idle   IDLE connections (default 10,000, ten times the default cap of 1,024) are opened
         and send nothing. The cap holds (the server's open descriptors stay near it), and
         GET /health is timed on a fresh connection: it waits for a slot, which the idle
         timeout frees. Then the idle clients go away and /health must answer at once.

The server's resident memory is printed after each phase.

Usage (from the repository root, after `swift build -c release --product winnow`):

  python3 Benchmarks/serve-idle.py [--slow 1000] [--idle 10000] [--idle-timeout 30]
"""
import argparse, asyncio, os, resource, socket, statistics, subprocess, sys, time, urllib.request

BINARY = os.path.join(".build", "release", "winnow")


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def open_descriptors(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def health(port, timeout):
    """Seconds for one GET /health on a fresh connection."""
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=timeout) as r:
        r.read()
        assert r.status == 200
    return time.perf_counter() - start


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


async def client(port, act):
    """Connects and runs `act(reader, writer)`: its outcome, or how the connection ended."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return "refused"
    try:
        return await act(reader, writer)
    except (ConnectionError, OSError):
        return "closed by server"
    finally:
        writer.close()


async def slow_client(port, stop):
    """Sends a request header one byte every 5 s until told to stop or cut off."""
    header = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10_000

    async def trickle(reader, writer):
        for byte in header:
            writer.write(bytes([byte]))
            await writer.drain()
            try:
                await asyncio.wait_for(stop.wait(), 5)
                return "stopped"
            except asyncio.TimeoutError:
                pass
        return "sent"

    return await client(port, trickle)


async def idle_client(port, stop, established):
    """Opens a connection and sends nothing; reports whether the server closed it."""

    async def wait(reader, writer):
        established.append(1)
        read = asyncio.ensure_future(reader.read(1))
        done, _ = await asyncio.wait([read, asyncio.ensure_future(stop.wait())], return_when=asyncio.FIRST_COMPLETED)
        if read in done:
            return "closed by server"
        read.cancel()
        return "stopped"

    return await client(port, wait)


async def timed_probes(port, count, timeout):
    loop = asyncio.get_running_loop()
    times = []
    for _ in range(count):
        times.append(await loop.run_in_executor(None, health, port, timeout))
        await asyncio.sleep(0.05)
    return times


async def slow_phase(port, pid, clients, probes, idle_timeout):
    stop = asyncio.Event()
    start = time.monotonic()
    tasks = [asyncio.ensure_future(slow_client(port, stop)) for _ in range(clients)]
    await asyncio.sleep(3)
    times = await timed_probes(port, probes, 30)
    # Hold on past the idle timeout: a header trickled byte by byte is no request, so the
    # server must cut these clients off then.
    held = open_descriptors(pid)
    await asyncio.sleep(max(0.0, start + idle_timeout + 5 - time.monotonic()))
    # A client writing into a connection the server closed may not notice before it stops,
    # so the server's own descriptors tell whether the connections were cut.
    after = open_descriptors(pid)
    stop.set()
    outcomes = await asyncio.gather(*tasks)
    print(
        f"slow: {clients} clients trickling a header; /health x{probes}: p50 {statistics.median(times) * 1000:.1f} ms, "
        f"p99 {percentile(times, 99) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
        f"server descriptors while trickling {held}, {idle_timeout + 5} s after the start {after}; "
        f"clients: { {o: outcomes.count(o) for o in set(outcomes)} }; server RSS {rss_kb(pid) / 1024:.1f} MB")
    return percentile(times, 99)


async def idle_phase(port, pid, clients, idle_timeout):
    stop = asyncio.Event()
    established = []
    tasks = []
    for i in range(clients):
        tasks.append(asyncio.ensure_future(idle_client(port, stop, established)))
        if i % 500 == 499:
            await asyncio.sleep(0.05)
    await asyncio.sleep(2)
    fds = open_descriptors(pid)
    loop = asyncio.get_running_loop()
    try:
        waited = await loop.run_in_executor(None, health, port, 4 * idle_timeout + 30)
        answered = f"answered after {waited:.1f} s"
    except Exception as e:  # noqa: BLE001 - report whatever the probe met
        answered = f"no answer ({e})"
    rss = rss_kb(pid)
    stop.set()
    outcomes = await asyncio.gather(*tasks)
    await asyncio.sleep(1)
    after = health(port, 10)
    print(
        f"idle: {clients} connections opened ({len(established)} established at the TCP level); "
        f"server descriptors while held {fds}; /health while held: {answered}; server RSS {rss / 1024:.1f} MB; "
        f"clients: { {o: outcomes.count(o) for o in set(outcomes)} }; /health after they left: {after * 1000:.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--slow", type=int, default=1000)
    parser.add_argument("--probes", type=int, default=200)
    parser.add_argument("--idle", type=int, default=10000)
    parser.add_argument("--idle-timeout", type=int, default=30)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(args.slow, args.idle) + 1000
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [BINARY, "serve", "--port", str(port), "--idle-timeout", str(args.idle_timeout)], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                health(port, 1)
                break
            except OSError:
                time.sleep(0.1)
        print(f"server pid {server.pid}, port {port}, idle timeout {args.idle_timeout} s, RSS {rss_kb(server.pid) / 1024:.1f} MB")
        p99 = asyncio.run(slow_phase(port, server.pid, args.slow, args.probes, args.idle_timeout))
        asyncio.run(idle_phase(port, server.pid, args.idle, args.idle_timeout))
        print(f"server RSS at the end {rss_kb(server.pid) / 1024:.1f} MB; still running: {server.poll() is None}")
        sys.exit(0 if p99 < 0.1 and server.poll() is None else 1)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
