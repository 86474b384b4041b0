namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// The engine's answer for one digit. With the CNN loaded (<see cref="DigitClassifier.Load"/>): <see cref="Scores"/> are
/// the CNN's per-class probabilities, <see cref="ModelsAgree"/> says the SVM names the CNN's digit, <see cref="Margin"/>
/// is the CNN's top probability minus its runner-up's, and <see cref="Confidence"/> is the accuracy measured on
/// validation digits with a similar CNN softmax (capped at <see cref="DigitClassifier.DisagreementConfidenceCap"/>
/// when the SVM disagrees). Without the CNN: <see cref="Scores"/> are the MLP's per-class probabilities (softmax, sum 1);
/// <see cref="ModelsAgree"/> is true when the SVM and the MLP name the same digit; <see cref="Margin"/> is the MLP's
/// raw output for its top class minus its runner-up's (0..~2; the softmax saturates, the margin does not);
/// <see cref="Confidence"/> is the accuracy measured on held-out validation digits that looked alike (same agreement,
/// similar margin), 0..1;
/// <see cref="Accepted"/> says the confidence reaches the model's accept threshold.
/// </summary>
public sealed record DigitClassification(
    int Digit,
    int RunnerUp,
    IReadOnlyList<double> Scores,
    bool ModelsAgree,
    double Margin,
    double Confidence,
    bool Accepted);
