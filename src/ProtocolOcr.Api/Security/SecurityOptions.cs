namespace ProtocolOcr.Api.Security;

/// <summary>Settings under <c>Security</c>: login throttling and the per-token upload rate.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Failed sign-ins for one user name from one address before that pair is locked out.</summary>
    public int LoginMaxFailures { get; set; } = 5;

    public int LoginLockoutMinutes { get; set; } = 15;

    /// <summary>Uploads one observer token (or staff member) may send per <see cref="UploadWindowSeconds"/>.</summary>
    public int UploadsPerWindow { get; set; } = 30;

    public int UploadWindowSeconds { get; set; } = 60;
}
