using System.Globalization;
using System.Text.Json;
using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Pipeline;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Recognition.Tesseract;
using ProtocolOcr.Tools.DecideReplay;

// record FORMS SET OUT.jsonl   : runs the pipeline on every generated photo of SET, saves every field's raw readings (3 engine modes)
// decide FORMS OUT.tsv REC.jsonl... : replays arbiter, arithmetic, validation and decision on the recorded readings; prints the figures
TesseractRuntime.Initialize();
if (args.Length < 4 || args[0] is not ("record" or "decide"))
{
    Console.Error.WriteLine("usage: record FORMS SET OUT.jsonl | decide FORMS OUT.tsv REC.jsonl...");
    return 2;
}

var catalog = FormCatalog.LoadDirectory(args[1]);
var json = new JsonSerializerOptions { WriteIndented = false };
if (args[0] == "record")
{
    using var references = new FormReferences(catalog.FormIds, catalog.ReferenceImagePath);
    using var tesseract = new TesseractDigitReader();
    using var classifier = DigitClassifier.Load();
    var handwritten = new HandwrittenDigitReader(classifier);
    using var output = new StreamWriter(args[3]);
    foreach (var photo in Directory.GetFiles(args[2], "*.jpg").Order(StringComparer.Ordinal))
    {
        var truthPath = Path.ChangeExtension(photo, null) + ".truth.json";
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var form = catalog.Get(truth.RootElement.GetProperty("form_id").GetString()!);
        var recorder = new RecordingReader(tesseract, handwritten, handwritten.ForPrint);
        var pipeline = new ProtocolPipeline(recorder, PipelineSettings.Default, tesseract, references, ArithmeticSettings.Default);
        var result = pipeline.Process(File.ReadAllBytes(photo), form, PipelineRunOptions.Default, CancellationToken.None);
        var recorded = new RecordedPhoto(Path.GetFileName(args[2].TrimEnd('/')), Path.GetFileName(photo), truthPath, result.Status == ProtocolStatus.Rejected, recorder.Fields);
        output.WriteLine(JsonSerializer.Serialize(recorded, json));
        output.Flush();
        Console.WriteLine($"{Path.GetFileName(photo)}: {result.Status}");
    }

    return 0;
}

var validator = new ProtocolValidator();
var corrector = new ArithmeticCorrector(ArithmeticSettings.Default);
var decider = new FieldDecider(PipelineSettings.Default);
var tally = new ReplayTally();
var judging = TimeSpan.Zero;
var judged = 0;
using (var rows = new StreamWriter(args[2]))
{
    rows.WriteLine("set\tphoto\tfield\ttruth\tvalue\tcorrect\tstatus\treason\tconfidence\tengine\ttv\ttc\thv\thc\tviolated\tprotocol\tposterior\ttrusted\tagree\texplained");
    foreach (var file in args.Skip(3))
    {
        foreach (var line in File.ReadLines(file))
        {
            var photo = JsonSerializer.Deserialize<RecordedPhoto>(line, json)!;
            using var truthDocument = JsonDocument.Parse(File.ReadAllText(photo.TruthPath));
            var truth = truthDocument.RootElement;
            if (truth.GetProperty("expected_reason").ValueKind != JsonValueKind.Null)
            {
                continue;
            }

            var form = catalog.Get(truth.GetProperty("form_id").GetString()!);
            var truthValues = truth.GetProperty("fields").EnumerateArray().ToDictionary(
                field => field.GetProperty("id").GetString()!,
                field => field.GetProperty("value").ValueKind == JsonValueKind.Null ? (long?)null : field.GetProperty("value").GetInt64());
            var violated = truth.GetProperty("violated_relations").EnumerateArray().Select(relation => relation.GetString()!).ToList();
            IReadOnlyList<FieldReading> fields = [];
            IReadOnlyList<ArithmeticVerdict> verdicts = [];
            var status = ProtocolStatus.Rejected;
            if (!photo.Rejected)
            {
                var arbiter = ReplayReader.Arbiter(photo.Fields);
                var checkedBySum = RelationFields.CheckedBySum(form);
                var readings = form.Fields.Where(field => photo.Fields.ContainsKey(field.Id)).Select(field =>
                {
                    using var crop = new FieldCrop(field, field.Box, new Mat(), checkedBySum.Contains(field.Id));
                    return arbiter.Read(crop, CancellationToken.None);
                }).ToList();
                var started = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                verdicts = corrector.Judge(form, readings);
                judging += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - started;
                judged++;
                var corrected = ArithmeticCorrector.ApplyCorrections(readings, verdicts);
                var report = validator.Validate(form, corrected);
                fields = decider.Decide(form, corrected, report, verdicts);
                status = FieldDecider.ProtocolStatusOf(fields);
            }

            var verdictOf = verdicts.ToDictionary(verdict => verdict.FieldId, StringComparer.Ordinal);
            var byId = fields.ToDictionary(field => field.FieldId, StringComparer.Ordinal);
            tally.AddProtocol(photo.Set, status, violated.Count > 0);
            foreach (var (fieldId, truthValue) in truthValues)
            {
                var reading = byId.GetValueOrDefault(fieldId);
                var raw = photo.Fields.GetValueOrDefault(fieldId);
                tally.AddField(photo.Set, fieldId, reading, truthValue);
                rows.WriteLine(string.Join('\t',
                    photo.Set, photo.Photo, fieldId, truthValue, reading?.Value, reading?.Value == truthValue ? 1 : 0, reading?.Status, reading?.ReviewReason ?? reading?.Correction,
                    Number(reading?.Confidence), reading?.Engine, raw?.Printed.Value, Number(raw?.Printed.Confidence), raw?.Handwritten.Value,
                    Number(raw?.Handwritten.Confidence), string.Join(' ', violated), status,
                    Number(verdictOf.GetValueOrDefault(fieldId)?.Posterior), verdictOf.GetValueOrDefault(fieldId)?.Trusted, reading?.AgreeingEngines,
                    Number(verdictOf.GetValueOrDefault(fieldId)?.Explained)));
            }
        }
    }
}

tally.Print(Console.Out);
Console.WriteLine($"arithmetic: {judging.TotalMilliseconds / Math.Max(1, judged):F1} core-ms per protocol ({judged} protocols)");
return 0;

static string Number(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "";
