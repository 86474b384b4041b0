using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// Sends the planned uploads with a fixed number of requests in flight, as many phones would, and times each
/// acknowledgement. A 503 or a dropped connection is resent after a pause (Retry-After, at most 5 s), as the phone
/// app does; each resend is counted, and the latency runs from the first attempt to the receipt.
/// </summary>
public sealed class UploadBurst(Uri api, PhotoPool pool, int concurrency, IReadOnlyList<string> observerTokens)
{
    private const int MaxRetries = 20;
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

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
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/uploads") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", observerTokens[index % observerTokens.Count]);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < MaxRetries)
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? LongestPause;
                    await Task.Delay(retryAfter < LongestPause ? retryAfter : LongestPause, cancellationToken);
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
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested
                                      && attempt < MaxRetries)
            {
                await Task.Delay(LongestPause, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new UploadOutcome(upload, sha256, 0, null, null, clock.Elapsed.TotalMilliseconds, attempt);
            }
        }
    }
}
