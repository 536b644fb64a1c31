#!/usr/bin/python3
"""Photo-library throughput of `blazeface detect DIR --json`, whole process, against another build (main).

Runs each configuration as its own process, ROUNDS times, interleaved (main, then each configuration of this build,
then main again...), so a machine whose load changes over the sitting slows every configuration alike; reports the
median wall time of each as photos per second and its ratio to the reference build, and where the processor time
goes (user + system, from the child's rusage): a one-photo process (start-up, model load, one photo) and each
further photo. The CPU family and the load average before every round are printed with them.

    /usr/bin/python3 benchmarks/photo-library/throughput.py LIBRARY REFERENCE_CLI_DLL THIS_CLI_DLL [ROUNDS]

LIBRARY is a folder of JPEGs (make_photo_library.py); the DLLs are samples/BlazeFace.Cli's build output
(bin/Release/net10.0/<rid>/BlazeFace.Cli.dll) of the reference checkout and of this one.
"""
import os
import statistics
import subprocess
import sys
import time

CONFIGURATIONS = [
    ("--jobs 1, full decode", ["--jobs", "1", "--full-resolution"]),
    ("--jobs 2, full decode", ["--jobs", "2", "--full-resolution"]),
    ("--jobs 1, scaled decode", ["--jobs", "1"]),
    ("--jobs 2, scaled decode (default)", ["--jobs", "2"]),
]


def run(dll, arguments):
    """Wall seconds and processor seconds (user + system) of one whole process; its stdout is discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(["dotnet", dll] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(arguments)} failed: {error}")
    return wall, usage.ru_utime + usage.ru_stime


def cpu():
    with open("/proc/cpuinfo") as info:
        fields = dict((key.strip(), value) for key, value in (line.split(":", 1) for line in info if ":" in line))
    return f"{fields['model name'].strip()}, cpu family {fields['cpu family'].strip()}, {os.cpu_count()} logical processors"


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    library, reference, this = sys.argv[1:4]
    rounds = int(sys.argv[4]) if len(sys.argv) == 5 else 7
    photos = len([name for name in os.listdir(library) if name.lower().endswith((".jpg", ".jpeg"))])
    runs = [("reference build", reference, [])] + [(name, this, arguments) for name, arguments in CONFIGURATIONS]
    walls = {name: [] for name, _, _ in runs}
    processor = {name: [] for name, _, _ in runs}
    loads = []
    print(f"{cpu()}; {photos} photos in {library}; {rounds} rounds after one warm-up round")

    for round_number in range(rounds + 1):
        loads.append(os.getloadavg()[0])
        for name, dll, arguments in runs:
            wall, used = run(dll, ["detect", library, "--json"] + arguments)
            if round_number > 0:
                walls[name].append(wall)
                processor[name].append(used)
        if round_number > 0:
            print(f"round {round_number}: load {loads[-1]:.2f}; " + ", ".join(f"{walls[n][-1]:.2f} s" for n, _, _ in runs), flush=True)

    # Start-up: each configuration's process with one photo, whose processor time the per-photo figure leaves out.
    one = os.path.join(library, sorted(name for name in os.listdir(library) if name.lower().endswith((".jpg", ".jpeg")))[0])
    startup = {name: statistics.median(run(dll, ["detect", one, "--json"] + arguments)[1] for _ in range(5))
               for name, dll, arguments in runs}

    reference_rate = photos / statistics.median(walls["reference build"])
    print(f"\nload average (1 min) before each round: {', '.join(f'{load:.2f}' for load in loads[1:])}\n")
    print("| build, configuration | median wall | photos/s | vs reference | processor time: one-photo process | per further photo |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, _, _ in runs:
        wall = statistics.median(walls[name])
        per_photo = (statistics.median(processor[name]) - startup[name]) / (photos - 1)
        print(f"| {name} | {wall:.2f} s | {photos / wall:.1f} | {photos / wall / reference_rate:.2f}x | "
              f"{startup[name]:.2f} s | {1000 * per_photo:.0f} ms |")


if __name__ == "__main__":
    main()
