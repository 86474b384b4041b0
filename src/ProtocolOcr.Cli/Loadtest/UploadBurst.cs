using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// Sends the planned uploads with a fixed number of requests in flight, as many phones would, and times each
/// acknowledgement. A 503 is resent after a short pause, as the phone app does on Retry-After.
/// </summary>
public sealed class UploadBurst(Uri api, PhotoPool pool, int concurrency)
{
    private const int MaxRetries = 5;

    public async Task<IReadOnlyList<UploadOutcome>> SendAsync(IReadOnlyList<PlannedUpload> plan, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        var outcomes = new UploadOutcome[plan.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await SendOneAsync(http, plan[index], index, token));
        return outcomes;
    }

    private async Task<UploadOutcome> SendOneAsync(HttpClient http, PlannedUpload upload, int index, CancellationToken cancellationToken)
    {
        var photo = pool.Variant(upload.Photo, upload.Variant);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(photo));
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", $"protocol-{index}.jpg");
            form.Add(new StringContent(LoadtestSettings.ElectionId), "electionId");
            form.Add(new StringContent("Almaty"), "region");
            form.Add(new StringContent((1000 + upload.Variant).ToString(System.Globalization.CultureInfo.InvariantCulture)), "precinct");
            try
            {
                using var response = await http.PostAsync("api/uploads", form, cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < MaxRetries)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    return new UploadOutcome(upload, sha256, (int)response.StatusCode, null, null, clock.Elapsed.TotalMilliseconds, attempt);
                }

                var receipt = JsonDocument.Parse(body).RootElement;
                return new UploadOutcome(upload, sha256, 202, receipt.GetProperty("id").GetGuid(), receipt.GetProperty("sha256").GetString(),
                    clock.Elapsed.TotalMilliseconds, attempt);
            }
            catch (HttpRequestException) when (attempt < MaxRetries)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (HttpRequestException)
            {
                return new UploadOutcome(upload, sha256, 0, null, null, clock.Elapsed.TotalMilliseconds, attempt);
            }
        }
    }
}
