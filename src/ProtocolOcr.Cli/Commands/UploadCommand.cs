using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using ProtocolOcr.Cli.Uploading;

namespace ProtocolOcr.Cli.Commands;

/// <summary>
/// <c>upload PHOTO... --api URL --token T [--election ID] [--region R] [--precinct N] [--wait]</c>: sends photos to a running API
/// as an observer would and, with --wait, prints what the worker made of each.
/// </summary>
public static class UploadCommand
{
    public const string TokenVariable = "PROTOCOLOCR_TOKEN";
    private static readonly string[] FinalStatuses = ["accepted", "needs_review", "rejected", "failed"];

    public static Command Create()
    {
        var photos = new Argument<FileInfo[]>("photos") { Description = "Photos to upload.", Arity = ArgumentArity.OneOrMore };
        var api = new Option<string>("--api") { Description = "Base URL of the API.", DefaultValueFactory = _ => "http://127.0.0.1:5080/" };
        var election = new Option<string>("--election") { Description = "Election id.", DefaultValueFactory = _ => "kz-2019-president" };
        var region = new Option<string>("--region") { Description = "Region of the precinct.", DefaultValueFactory = _ => "Almaty" };
        var precinct = new Option<int>("--precinct") { Description = "Precinct number of the first photo; each next photo gets the next number.", DefaultValueFactory = _ => 1 };
        var wait = new Option<bool>("--wait") { Description = "Wait until every upload is processed and print the results." };
        var token = new Option<string>("--token")
        {
            Description = $"Observer token (default: the {TokenVariable} environment variable).",
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for processing with --wait.", DefaultValueFactory = _ => 300 };

        var command = new Command("upload", "Upload photos to the drop endpoint of a running API, as an observer would.")
        {
            photos, api, election, region, precinct, token, wait, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(api)!.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--api '{parse.GetValue(api)}' is not an absolute URL.");
                return 2;
            }

            var observerToken = parse.GetValue(token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(TokenVariable);
            if (string.IsNullOrWhiteSpace(observerToken))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"No observer token: pass --token or set {TokenVariable} (issue one with 'tokens issue').");
                return 2;
            }

            using var http = new HttpClient { BaseAddress = baseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", observerToken);
            var client = new UploadClient(http);
            var attempts = new List<UploadAttempt>();
            var number = parse.GetValue(precinct);
            foreach (var photo in parse.GetValue(photos)!)
            {
                var metadata = new UploadMetadata(parse.GetValue(election)!, parse.GetValue(region)!, (number++).ToString(), null);
                var attempt = await client.UploadAsync(photo.FullName, metadata, cancellationToken);
                attempts.Add(attempt);
                Console.WriteLine($"{attempt.HttpStatus} {photo.Name}: {attempt.Body}");
            }

            if (!parse.GetValue(wait))
            {
                return attempts.All(a => a.Acknowledged) ? 0 : 1;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(timeout)));
            var results = await WaitForAllAsync(client, attempts, deadline.Token);
            UploadResultTable.Print(results);
            return attempts.All(a => a.Acknowledged) && results.All(r => FinalStatuses.Contains(r.Status)) ? 0 : 1;
        });
        return command;
    }

    private static async Task<List<UploadResult>> WaitForAllAsync(UploadClient client, IReadOnlyList<UploadAttempt> attempts, CancellationToken cancellationToken)
    {
        var results = new List<UploadResult>();
        foreach (var attempt in attempts)
        {
            if (attempt.StatusUrl is not { } statusUrl)
            {
                results.Add(new UploadResult(attempt.PhotoPath, $"http_{attempt.HttpStatus}", attempt.Body));
                continue;
            }

            JsonElement status;
            do
            {
                status = await client.StatusAsync(statusUrl, cancellationToken);
                if (FinalStatuses.Contains(status.GetProperty("status").GetString()))
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            while (true);

            results.Add(new UploadResult(attempt.PhotoPath, status.GetProperty("status").GetString()!, status));
        }

        return results;
    }
}
