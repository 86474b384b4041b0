using System.CommandLine;
using System.Text.Json;
using ProtocolOcr.Cli.Commands;

namespace ProtocolOcr.Cli.Tests.Commands;

/// <summary>
/// The load command end to end, small: its own PostgreSQL, Azurite, API process and two worker processes, 20 uploads
/// of generated photos with duplicates; every figure of the reconciliation must agree.
/// </summary>
public sealed class LoadtestCommandTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("loadtest-");

    [Fact]
    public async Task Small_burst_with_duplicates_reconciles_sent_receipts_rows_blobs_and_recognitions()
    {
        var json = Path.Combine(_output.FullName, "load.json");

        var (exit, stdout, stderr) = await RunAsync("--uploads", "20", "--concurrency", "5", "--workers", "2", "--pool", "4",
            "--duplicates", "0.25", "--seed", "3", "--timeout-minutes", "20", "--json", json);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement;
        var distinct = report.GetProperty("distinct_photos").GetInt32();
        Assert.Equal(20, report.GetProperty("sent").GetInt32());
        Assert.Equal(20, report.GetProperty("receipts").GetInt32());
        Assert.True(report.GetProperty("duplicates").GetInt32() > 0, "the plan had no duplicates");
        Assert.Equal(20, distinct + report.GetProperty("duplicates").GetInt32());
        Assert.Equal(distinct, report.GetProperty("rows").GetInt32());
        Assert.Equal(distinct, report.GetProperty("blobs").GetInt32());
        Assert.Equal(distinct, report.GetProperty("recognitions").GetInt32());
        Assert.Equal(0, report.GetProperty("lost").GetInt32());
        Assert.Equal(0, report.GetProperty("processed_twice").GetInt32());
        Assert.True(report.GetProperty("reconciled").GetBoolean());
        foreach (var key in new[] { "ack_per_second", "p95_ack_ms", "processed_per_second", "api_peak_mb", "worker_peak_mb" })
        {
            Assert.True(report.GetProperty(key).GetDouble() > 0, $"{key} is not positive");
        }
    }

    [Fact]
    public async Task Nonsense_arguments_are_refused_before_anything_starts()
    {
        var (exit, _, stderr) = await RunAsync("--uploads", "0");

        Assert.Equal(2, exit);
        Assert.Contains("must be positive", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _output.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { LoadtestCommand.Create() };
        var exit = await root.Parse(["loadtest", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
