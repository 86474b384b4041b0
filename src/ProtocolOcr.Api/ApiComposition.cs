using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ProtocolOcr.Api.Security;
using ProtocolOcr.Api.Uploads;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Jobs;
using ProtocolOcr.Infrastructure.Uploads;

namespace ProtocolOcr.Api;

/// <summary>The API's composition root: services, limits and routes.</summary>
public static class ApiComposition
{
    /// <summary>Room for the multipart envelope and the text fields around the photo itself.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    public static WebApplicationBuilder AddProtocolOcrApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(UploadLimits.Section).Get<UploadLimits>() ?? new UploadLimits();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBytes + MultipartOverheadBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = limits.MaxBytes + MultipartOverheadBytes;
            // The form has five parts; a body with hundreds is an attack on the parser, refused as malformed.
            form.ValueCountLimit = UploadFormReader.MaxParts;
            form.ValueLengthLimit = (int)MultipartOverheadBytes;
        });

        builder.Services.AddOptions<UploadLimits>()
            .BindConfiguration(UploadLimits.Section)
            .Validate(l => l.MaxBytes > 0 && l.MaxPixels > 0 && l.MaxSide > 0, "Uploads limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(provider => new PhotoInspector(provider.GetRequiredService<IOptions<UploadLimits>>().Value));
        builder.Services.AddProtocolOcrStorage();
        builder.Services.AddProtocolOcrJobs();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<UploadIntake>();
        builder.Services.AddProblemDetails();
        builder.AddProtocolOcrSecurity();
        return builder;
    }

    public static WebApplication MapProtocolOcrApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStaticFiles();
        app.UseProtocolOcrSecurity();
        app.MapUploadEndpoints();
        return app;
    }
}
