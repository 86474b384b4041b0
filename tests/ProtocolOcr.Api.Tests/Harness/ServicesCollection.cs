namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// Every test class that hosts the API belongs here, so they run one after another: Hangfire keeps its logger
/// provider and filters in process-wide statics bound to the last host built, and a host disposed while another
/// runs breaks the other (ObjectDisposedException in Hangfire's type initializers). Production runs one host.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "PostgreSQL and Azurite";
}
