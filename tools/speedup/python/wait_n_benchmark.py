#!/usr/bin/env python3
"""Times the course's wait_n(n, max_delay) on asyncio for several n.

The Python side of the speed-up report (task2-runtime/README.md, "The speed-up and the scale"):
SpeedupReport.java runs this script and puts its figures beside Java's. wait_random and wait_n
are the course's 0-basic_async_syntax.py and 1-concurrent_coroutines.py, with wait_n collecting
through asyncio.as_completed.

Usage: python3 wait_n_benchmark.py [--runs K] [--max-delay D] N [N ...]
Prints a header, then one tab-separated line per run: n, run, wall-clock seconds of
wait_n(n, max_delay), the largest delay and the sum of the delays, in seconds.
"""
import argparse
import asyncio
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Waits a random delay between 0 and max_delay seconds and returns it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


async def wait_n(n: int, max_delay: int) -> list[float]:
    """Runs n wait_random(max_delay) at once and returns their delays in completion order."""
    return [await wait for wait in asyncio.as_completed([wait_random(max_delay) for _ in range(n)])]


async def main(ns: list[int], runs: int, max_delay: int) -> None:
    print("n\trun\twall_s\tmax_delay_s\tsum_delays_s", flush=True)
    for n in ns:
        for run in range(1, runs + 1):
            start = time.perf_counter()
            delays = await wait_n(n, max_delay)
            wall = time.perf_counter() - start
            print(f"{n}\t{run}\t{wall:.6f}\t{max(delays):.6f}\t{sum(delays):.6f}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Times asyncio wait_n(n, max_delay) for several n.")
    parser.add_argument("n", type=int, nargs="+", help="how many waits to run at once (at least 1)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each n (default 1)")
    parser.add_argument("--max-delay", type=int, default=1, help="longest delay in seconds (default 1)")
    args = parser.parse_args()
    if min(args.n) < 1 or args.runs < 1 or args.max_delay < 0:
        parser.error("n and --runs must be at least 1, --max-delay at least 0")
    asyncio.run(main(args.n, args.runs, args.max_delay))
