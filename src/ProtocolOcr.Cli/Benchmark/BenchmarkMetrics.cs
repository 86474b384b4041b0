namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// Benchmark figures for a set of photos. Field figures count only good photos (not the bad level), whose every truth
/// field is expected to be read; a field of a wrongly rejected photo counts as wrong and not accepted.
/// <see cref="SilentErrors"/> are fields accepted automatically but wrong, the worst outcome; their rate is over all
/// fields. <see cref="ReviewRate"/> is the share of fields not accepted automatically; <see cref="ConsistentProtocolsReviewRate"/>
/// the same over the protocols whose true numbers keep every relation (what a pipeline can bring down: the others must be
/// reviewed). <see cref="ViolatedProtocols"/> are
/// good photos whose true numbers break an error relation (a commission's own slip): each must end in review, so
/// <see cref="ViolatedProtocolsAccepted"/> counts the ones accepted anyway, a consistent lie or an unseen slip. Registration succeeds when every
/// field box lands within the tolerance (reference pixels); it is null when the pipeline reports no page corners.
/// Rates are null when their denominator is zero. Cost figures vary between runs; every other figure is a pure function
/// of the photos and the pipeline.
/// </summary>
public sealed record BenchmarkMetrics(
    int Photos,
    int GoodPhotos,
    int BadPhotos,
    int Fields,
    int CorrectFields,
    double? FieldAccuracy,
    int AutoAcceptedFields,
    double? AutoAcceptedAccuracy,
    int SilentErrors,
    double? SilentErrorRate,
    double? ReviewRate,
    double? ConsistentProtocolsReviewRate,
    int ProtocolsFullyAutoCorrect,
    double? ProtocolsFullyAutoCorrectRate,
    int ViolatedProtocols,
    int ViolatedProtocolsAccepted,
    int RegistrationMeasured,
    double? RegistrationSuccessRate,
    int BadPhotosRejectedWithRightReason,
    double? BadPhotosRejectedWithRightReasonRate,
    int GoodPhotosFalselyRejected,
    double? GoodPhotosFalselyRejectedRate,
    double? PhotosPerSecond,
    double? CoreSecondsPerPhoto,
    double? PeakMemoryMb);
