namespace ProtocolOcr.Infrastructure.Configuration;

public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";
}
