using System.Diagnostics;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Pipeline;

/// <summary>Times each stage of one run, including a stage that ends by rejecting the photo.</summary>
internal sealed class StageClock
{
    private readonly List<StageTiming> _timings = [];

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Time<T>(string stage, Func<T> work)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            _timings.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }
    }
}
