using Npgsql;
using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Core.Relations;
using ProtocolOcr.Infrastructure.Blobs;
using ProtocolOcr.Infrastructure.Configuration;
using ProtocolOcr.Infrastructure.Recognitions;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Api.Tests.Harness;

/// <summary>
/// A protocol waiting for review without running the worker: a real photo uploaded through the API, then a
/// recognition stored with the real repository in which the pipeline "misread" <see cref="MisreadField"/> (flagged,
/// breaking relations), and the rendered page as its aligned page. The true value is on the page and in the crop.
/// </summary>
internal sealed record FlaggedProtocol(Guid UploadId, IReadOnlyDictionary<string, long> Truth, long MisreadValue)
{
    public const string MisreadField = "L3";

    public long TrueValue => Truth[MisreadField];

    public static async Task<FlaggedProtocol> CreateAsync(
        TestEnvironment environment, HttpClient observer, int variant, string? note = null)
    {
        var form = ProtocolPhotos.Form;
        var truth = ProtocolValues.ConsistentKazakh(form, variant);
        using var page = ProtocolPageRenderer.Render(form, truth);
        var photo = PhotoStager.Stage(page, rotationDegrees: 2, seed: variant).Bytes;
        using var response = await observer.PostAsync("/api/uploads", UploadForm.Create(photo, note: note));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body);
        var uploadId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        var misread = truth[MisreadField] + 80;
        var read = new Dictionary<string, long?>(truth.Select(p => KeyValuePair.Create(p.Key, (long?)p.Value)), StringComparer.Ordinal)
        {
            [MisreadField] = misread,
        };
        var relations = RelationEvaluator.CheckAll(form, read);
        var fields = form.Fields.Where(f => truth.ContainsKey(f.Id)).Select(f => new FieldReading(
            f.Id, read[f.Id], read[f.Id]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Id == MisreadField ? 0.41 : 0.99,
            f.Id == MisreadField ? FieldStatus.NeedsReview : FieldStatus.Accepted,
            f.Id == MisreadField ? "relation R1 does not hold" : null,
            f.Id == MisreadField ? [new ValueAlternative(misread, 0.41), new ValueAlternative(truth[f.Id], 0.38)] : [],
            "test", f.Box)).ToList();
        var recognition = new ProtocolRecognition(
            form.Id, "test-1", ProtocolStatus.NeedsReview, null, fields, relations, [], AlignedPage: page.ImEncode(".jpg"));

        await using var dataSource = NpgsqlDataSource.Create(environment.DatabaseConnectionString);
        var container = OriginalPhotoStore.CreateContainerClient(
            new BlobStorageOptions { ConnectionString = environment.BlobConnectionString, Container = environment.Container });
        var alignedKey = await new AlignedPageStore(container).PutAsync(uploadId, recognition.PipelineVersion, recognition.AlignedPage!.Value, CancellationToken.None);
        Assert.True(await new RecognitionRepository(dataSource).SaveAsync(uploadId, recognition, alignedKey, CancellationToken.None));
        return new FlaggedProtocol(uploadId, truth, misread);
    }
}
