namespace ProtocolOcr.Core.Recognition;

/// <param name="Stage">The stage's name.</param>
/// <param name="Milliseconds">Wall time.</param>
/// <param name="CoreMilliseconds">
/// The process's CPU time (all threads) while the stage ran: the stage's own cost when one photo runs at a time (the
/// bench), an overestimate when several photos share the process (the worker). Null when not measured.
/// </param>
public sealed record StageTiming(string Stage, double Milliseconds, double? CoreMilliseconds = null);
