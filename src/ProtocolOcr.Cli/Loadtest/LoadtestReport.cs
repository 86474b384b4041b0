using System.Text.Json.Serialization;

namespace ProtocolOcr.Cli.Loadtest;

/// <summary>The figures of one load run (written as JSON with these snake_case names).</summary>
public sealed record LoadtestReport
{
    [JsonPropertyName("sent")] public int Sent { get; init; }
    [JsonPropertyName("receipts")] public int Receipts { get; init; }
    [JsonPropertyName("distinct_photos")] public int DistinctPhotos { get; init; }
    [JsonPropertyName("duplicates")] public int Duplicates { get; init; }
    [JsonPropertyName("rows")] public long Rows { get; init; }
    [JsonPropertyName("blobs")] public long Blobs { get; init; }

    /// <summary>Uploads with a final result: a recognition row, or rejected with the pipeline's reason before one was made.</summary>
    [JsonPropertyName("recognitions")] public long Recognitions { get; init; }
    [JsonPropertyName("recognition_rows")] public long RecognitionRows { get; init; }
    [JsonPropertyName("rejected")] public long Rejected { get; init; }
    [JsonPropertyName("failed")] public long Failed { get; init; }

    /// <summary>Distinct photos sent without a row, a blob and a final status at the end.</summary>
    [JsonPropertyName("lost")] public int Lost { get; init; }
    [JsonPropertyName("processed_twice")] public long ProcessedTwice { get; init; }

    /// <summary>Receipts whose SHA-256 differs from the bytes sent, or two receipts for the same bytes with different ids.</summary>
    [JsonPropertyName("receipt_mismatches")] public int ReceiptMismatches { get; init; }
    /// <summary>Requests sent again after a 503 or a dropped connection (the receipt came on a later attempt).</summary>
    [JsonPropertyName("resent")] public int Resent { get; init; }

    /// <summary>Final answers by HTTP status ("0": no answer after every resend).</summary>
    [JsonPropertyName("answers")] public IReadOnlyDictionary<string, int> Answers { get; init; } = new Dictionary<string, int>();

    /// <summary>Uploads by final status and reason code, e.g. "rejected/page_not_found".</summary>
    [JsonPropertyName("outcomes")] public IReadOnlyDictionary<string, long> Outcomes { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("workers")] public int Workers { get; init; }
    [JsonPropertyName("threads_per_worker")] public int ThreadsPerWorker { get; init; }
    [JsonPropertyName("concurrency")] public int Concurrency { get; init; }
    [JsonPropertyName("mean_photo_mb")] public double MeanPhotoMb { get; init; }
    [JsonPropertyName("upload_seconds")] public double UploadSeconds { get; init; }
    [JsonPropertyName("ack_per_second")] public double AckPerSecond { get; init; }
    [JsonPropertyName("p50_ack_ms")] public double P50AckMs { get; init; }
    [JsonPropertyName("p95_ack_ms")] public double P95AckMs { get; init; }
    [JsonPropertyName("p99_ack_ms")] public double P99AckMs { get; init; }

    /// <summary>From the first upload sent until every upload has a final status.</summary>
    [JsonPropertyName("seconds_until_all_processed")] public double SecondsUntilAllProcessed { get; init; }
    [JsonPropertyName("processed_per_second")] public double ProcessedPerSecond { get; init; }
    [JsonPropertyName("api_peak_mb")] public double ApiPeakMb { get; init; }
    [JsonPropertyName("worker_peak_mb")] public double WorkerPeakMb { get; init; }
    [JsonPropertyName("reconciled")] public bool Reconciled { get; init; }
    [JsonPropertyName("mismatches")] public IReadOnlyList<string> Mismatches { get; init; } = [];
}
