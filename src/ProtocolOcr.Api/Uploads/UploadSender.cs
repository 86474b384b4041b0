using System.Security.Claims;
using ProtocolOcr.Api.Security;
using ProtocolOcr.Infrastructure.People;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api.Uploads;

/// <summary>Who sent a photo: an observer's token (and name), or a staff member's name with no token.</summary>
public sealed record UploadSender(Guid? ObserverTokenId, string Name)
{
    public static UploadSender From(ClaimsPrincipal user) =>
        new(user.ObserverTokenId(), user.Identity?.Name ?? throw new InvalidOperationException("An upload needs a signed-in sender."));

    /// <summary>Staff read every upload; an observer reads the uploads sent with a token issued to the same observer name.</summary>
    public static bool MayRead(ClaimsPrincipal user, UploadRecord upload)
    {
        if (user.IsInRole(UserRoles.Operator) || user.IsInRole(UserRoles.Analyst) || user.IsInRole(UserRoles.Admin))
        {
            return true;
        }

        return user.IsInRole(UserRoles.Observer)
            && upload.ObserverTokenId is not null
            && string.Equals(upload.SubmittedBy, user.Identity?.Name, StringComparison.Ordinal);
    }
}
