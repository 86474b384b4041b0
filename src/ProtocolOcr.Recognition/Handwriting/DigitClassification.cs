namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The engine's answer for one digit. <see cref="Scores"/>: per-class probabilities (the mean of the two CNNs'
/// temperature-calibrated softmaxes, sum 1), indexed by digit; <see cref="Digit"/> has the highest, <see cref="RunnerUp"/>
/// the second. <see cref="ModelsAgree"/>: both CNNs name <see cref="Digit"/>. <see cref="Margin"/>: the top probability
/// minus the runner-up's. <see cref="Confidence"/>: the probability the digit is right, measured on validation digits
/// alike (same agreement, similar top probability), 0..1. <see cref="Accepted"/>: the networks agree and the top
/// probability reaches the accept threshold (validation: no more than 0.1% of accepted digits wrong).
/// </summary>
public sealed record DigitClassification(
    int Digit,
    int RunnerUp,
    IReadOnlyList<double> Scores,
    bool ModelsAgree,
    double Margin,
    double Confidence,
    bool Accepted);
