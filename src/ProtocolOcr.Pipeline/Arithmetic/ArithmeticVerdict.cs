namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// What the arithmetic says about one field: the value of the most probable assignment that satisfies every
/// error-level relation, its posterior probability against every competing hypothesis (other consistent assignments,
/// a value the engines did not list, a protocol whose own arithmetic is wrong), and, when that value is not the one
/// read, the relations that were failing and that it repairs (<see cref="CorrectedBy"/>; empty otherwise).
/// <see cref="Trusted"/>: an equality that can be checked pins the field and the posterior reaches
/// <see cref="ArithmeticSettings.AcceptPosterior"/>, so the value is accepted on the arithmetic's word.
/// <see cref="Explained"/>: when the values as read break a relation, the probability that a misread the arithmetic can
/// place explains it rather than "the protocol itself is wrong" (1 when every relation holds as read).
/// </summary>
public sealed record ArithmeticVerdict(string FieldId, long Value, double Posterior, bool Trusted, IReadOnlyList<string> CorrectedBy, double Explained = 1)
{
    public bool IsCorrection => CorrectedBy.Count > 0;
}
