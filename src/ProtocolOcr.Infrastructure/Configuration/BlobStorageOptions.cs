namespace ProtocolOcr.Infrastructure.Configuration;

public sealed class BlobStorageOptions
{
    public const string Section = "Blobs";

    public string ConnectionString { get; set; } = "";

    /// <summary>Container holding the original photos (<c>originals/&lt;sha256&gt;</c>).</summary>
    public string Container { get; set; } = "protocol-photos";
}
