using ProtocolOcr.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddProtocolOcrApi();

var app = builder.Build();
app.MapProtocolOcrApi();
app.Run();

/// <summary>Entry point; public so integration tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
