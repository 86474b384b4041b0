namespace ProtocolOcr.Infrastructure.Downstream.Report;

public sealed record CoverageRow(string Region, long Precincts, long WithPhotos, long Verified, long NeedingReview);
