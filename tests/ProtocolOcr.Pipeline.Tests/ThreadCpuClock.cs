using System.Runtime.InteropServices;

namespace ProtocolOcr.Pipeline.Tests;

/// <summary>CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID): stage costs that other processes' load does not inflate.</summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static double Milliseconds()
    {
        if (clock_gettime(ClockThreadCpuTime, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
