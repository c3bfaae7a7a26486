using System.Globalization;

namespace ContentHub.Benchmarks;

/// <summary>
/// CPU time spent during a measurement, from /proc: by the service process, by PostgreSQL's
/// processes, and by the whole machine. Requests per second say how fast; CPU per request says where
/// the two cores went, which is what the next optimisation needs to know.
/// </summary>
public sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int _servicePid;
    private readonly Sample _start;

    private CpuMeter(int servicePid)
    {
        _servicePid = servicePid;
        _start = Take(servicePid);
    }

    public sealed record Usage(double ServiceMilliseconds, double PostgresMilliseconds, double MachineMilliseconds);

    private sealed record Sample(long Service, long Postgres, long Machine);

    public static CpuMeter Start(int servicePid) => new(servicePid);

    public Usage Stop()
    {
        var end = Take(_servicePid);
        static double Milliseconds(long ticks) => ticks * 1000 / TicksPerSecond;
        return new Usage(Milliseconds(end.Service - _start.Service), Milliseconds(end.Postgres - _start.Postgres), Milliseconds(end.Machine - _start.Machine));
    }

    private static Sample Take(int servicePid)
    {
        long postgres = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && ProcessTicks(pid) is ({ } ticks, "postgres"))
            {
                postgres += ticks;
            }
        }

        // The first line of /proc/stat: user nice system idle iowait irq softirq …; busy is all but idle and iowait.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var machine = fields.Sum() - fields[3] - fields[4];
        return new Sample(ProcessTicks(servicePid).Ticks ?? 0, postgres, machine);
    }

    // utime + stime of a process and its command name, or nothing once it has gone.
    private static (long? Ticks, string? Name) ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, utime field 14 and stime field 15 of the whole line.
            return (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture), name);
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }
}
