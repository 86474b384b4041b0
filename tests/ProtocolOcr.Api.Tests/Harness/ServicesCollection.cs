namespace ProtocolOcr.Api.Tests.Harness;

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "PostgreSQL and Azurite";
}
