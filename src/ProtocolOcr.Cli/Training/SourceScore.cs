namespace ProtocolOcr.Cli.Training;

/// <summary>How the engine did on one held-out source: top-1 accuracy, share accepted without review, accuracy of those.</summary>
public sealed record SourceScore(string Source, int Count, double TopOneAccuracy, double AcceptRate, double AcceptedAccuracy, double MillisecondsPerDigit)
{
    public override string ToString() =>
        $"{Source,-26} n={Count,5}  top-1 {TopOneAccuracy:P2}  accepted {AcceptRate:P1} at {AcceptedAccuracy:P2}  {MillisecondsPerDigit:F2} ms/digit";
}
