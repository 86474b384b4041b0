using System.Diagnostics;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>Times each stage of one run (wall and process CPU), including a stage that ends by rejecting the photo.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> work)
    {
        var cpuStart = Environment.CpuUsage.TotalTime;
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            var wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var core = (Environment.CpuUsage.TotalTime - cpuStart).TotalMilliseconds;
            _timings.Add(new StageTiming(stage, wall, core));
        }
    }
}
