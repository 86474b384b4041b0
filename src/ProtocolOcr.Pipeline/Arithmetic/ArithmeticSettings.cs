namespace ProtocolOcr.Pipeline.Arithmetic;

/// <summary>
/// Thresholds of <see cref="ArithmeticCorrector"/>, set on the DEV benchmark sets (docs/pipeline.md).
/// <see cref="AcceptPosterior"/>: the least posterior a value needs to be accepted on the arithmetic's word
/// (it must beat every competing hypothesis together by this much).
/// <see cref="InconsistentProtocolPrior"/>: the weight of "the values were read right and the protocol itself breaks
/// its arithmetic" against a correction (the generator makes 5% such protocols; real commissions make some).
/// <see cref="UnlistedFloor"/>: the least probability that a field's true value is none of its listed candidates.
/// <see cref="Coincidence"/>: how likely a value the engines did not list is the one an equality needs, where <see cref="Misreads"/> does not
/// weigh it (several values unlisted, or the others not as read but for one alternative).
/// <see cref="Misreads"/>: how likely the value an equality needs is as a misread of the value read, for a value the engines did not list.
/// <see cref="ListedShareOfDoubt"/>: the least share of a reading's doubt (1 - its confidence) given to the values the
/// engines listed as alternatives (<see cref="FieldBelief.From"/>).
/// <see cref="MaxAssignments"/>: how many combinations of the shared fields' values (those in several relations) may be weighed.
/// </summary>
public sealed record ArithmeticSettings(
    double AcceptPosterior = 0.99,
    double InconsistentProtocolPrior = 0.003,
    double UnlistedFloor = 0.01,
    double Coincidence = 0.01,
    int MaxAssignments = 20_000,
    double ListedShareOfDoubt = 0.5,
    MisreadModel? Misreads = null)
{
    public MisreadModel Misreads { get; init; } = Misreads ?? MisreadModel.Default;

    public static ArithmeticSettings Default { get; } = new();
}
