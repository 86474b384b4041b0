using ProtocolOcr.Api.Tests.Harness;
using ProtocolOcr.Infrastructure.Consistency;

namespace ProtocolOcr.Api.Tests;

/// <summary>The consistency check finds each kind of disagreement between rows, blobs and jobs, and only those.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ConsistencyCheckTests(ServicesFixture services) : ObserverApiTests(services)
{
    [Fact]
    public async Task Uploads_with_their_blobs_and_queued_jobs_are_consistent()
    {
        for (var i = 0; i < 3; i++)
        {
            await Client.UploadAsync(TestPhotos.Jpeg($"consistent {i}"));
        }

        var report = await CheckAsync();

        Assert.Equal(3, report.Uploads);
        Assert.Equal(3, report.Blobs);
        Assert.Empty(report.BlobsWithoutRows);
        Assert.Empty(report.RowsWithoutBlobs);
        Assert.Empty(report.StuckUploads);
        Assert.True(report.NothingLost);
    }

    [Fact]
    public async Task Finds_blobs_without_rows_rows_without_blobs_and_uploads_whose_job_is_gone()
    {
        var keep = await Client.UploadAsync(TestPhotos.Jpeg("kept"));
        var photoLost = await Client.UploadAsync(TestPhotos.Jpeg("blob lost"));
        var jobLost = await Client.UploadAsync(TestPhotos.Jpeg("job lost"));
        var orphan = new string('a', 64);
        await Environment.PutBlobAsync(orphan, TestPhotos.Jpeg("orphan: the row never committed"));
        await Environment.DeleteBlobAsync(await ShaOfAsync(photoLost));
        await Environment.ScalarAsync(
            "WITH gone AS (UPDATE hangfire.job SET statename = 'Deleted' WHERE arguments::text LIKE @pattern RETURNING 1) SELECT count(*) FROM gone",
            new { pattern = $"%{jobLost}%" });

        var report = await CheckAsync();

        Assert.Equal([$"originals/{orphan}"], report.BlobsWithoutRows);
        Assert.Equal([photoLost], report.RowsWithoutBlobs);
        Assert.Equal([jobLost], report.StuckUploads);
        Assert.False(report.NothingLost);
        Assert.DoesNotContain(keep, report.RowsWithoutBlobs.Concat(report.StuckUploads));
    }

    private async Task<string> ShaOfAsync(Guid id) =>
        (await Client.StatusAsync(id)).GetProperty("sha256").GetString()!;

    private async Task<ConsistencyReport> CheckAsync()
    {
        await using var dataSource = Environment.CreateDataSource();
        return await new ConsistencyCheck(dataSource, Environment.ContainerClient()).RunAsync(CancellationToken.None);
    }
}
