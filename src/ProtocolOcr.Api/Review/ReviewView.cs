using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.Infrastructure.Review;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Review;

/// <summary>
/// Everything the review page shows for one upload. <see cref="BlockingClaim"/> is another operator's live claim, which
/// makes the page read-only.
/// </summary>
public sealed record ReviewView(
    UploadRecord Upload,
    RecognitionHeader? Recognition,
    string? FormTitle,
    int PageWidth,
    int PageHeight,
    bool HasAlignedPage,
    IReadOnlyList<ReviewFieldView> Fields,
    IReadOnlyList<RelationView> Relations,
    IReadOnlyList<AuditRecord> History,
    bool Editable,
    ClaimResult? BlockingClaim);
