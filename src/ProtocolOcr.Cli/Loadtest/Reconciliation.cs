namespace ProtocolOcr.Cli.Loadtest;

/// <summary>
/// Compares what was sent with what is stored: every request acknowledged, one row, one blob and one final result per
/// distinct photo (a duplicate counts once), nothing processed twice, every receipt naming the bytes it was given for.
/// </summary>
public static class Reconciliation
{
    public static (LoadtestReport Counts, IReadOnlyList<string> Mismatches) Reconcile(
        IReadOnlyList<UploadOutcome> outcomes, StoredCounts stored)
    {
        var distinct = outcomes.Select(o => o.SentSha256).ToHashSet();
        var receipts = outcomes.Count(o => o.Acknowledged);
        var receiptMismatches = outcomes.Count(o => o.Acknowledged && o.Sha256 != o.SentSha256)
            + outcomes.Where(o => o.Acknowledged).GroupBy(o => o.SentSha256).Count(g => g.Select(o => o.Id).Distinct().Count() > 1);
        var lost = distinct.Count(sha => !(stored.RowSha256s.Contains(sha) && stored.BlobSha256s.Contains(sha)
                                           && stored.FinishedSha256s.Contains(sha)));
        var recognitions = stored.UploadsWithResult;

        var mismatches = new List<string>();
        Expect(mismatches, receipts == outcomes.Count, $"receipts {receipts} != sent {outcomes.Count}");
        Expect(mismatches, stored.Rows == distinct.Count, $"rows {stored.Rows} != distinct photos {distinct.Count}");
        Expect(mismatches, stored.BlobSha256s.Count == distinct.Count, $"blobs {stored.BlobSha256s.Count} != distinct photos {distinct.Count}");
        Expect(mismatches, recognitions == distinct.Count, $"recognitions {recognitions} != distinct photos {distinct.Count}");
        Expect(mismatches, stored.Failed == 0, $"{stored.Failed} uploads failed");
        Expect(mismatches, lost == 0, $"{lost} photos lost");
        Expect(mismatches, stored.ProcessedTwice == 0, $"{stored.ProcessedTwice} uploads processed twice");
        Expect(mismatches, receiptMismatches == 0, $"{receiptMismatches} receipts do not match the bytes sent");

        var report = new LoadtestReport
        {
            Sent = outcomes.Count,
            Receipts = receipts,
            DistinctPhotos = distinct.Count,
            Duplicates = outcomes.Count - distinct.Count,
            Rows = stored.Rows,
            Blobs = stored.BlobSha256s.Count,
            Recognitions = recognitions,
            RecognitionRows = stored.RecognitionRows,
            Rejected = stored.Rejected,
            Failed = stored.Failed,
            Lost = lost,
            ProcessedTwice = stored.ProcessedTwice,
            ReceiptMismatches = receiptMismatches,
            Resent = outcomes.Sum(o => o.Retries),
            Answers = outcomes.GroupBy(o => o.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            Outcomes = stored.Outcomes,
            Reconciled = mismatches.Count == 0,
            Mismatches = mismatches,
        };
        return (report, mismatches);
    }

    private static void Expect(List<string> mismatches, bool holds, string mismatch)
    {
        if (!holds)
        {
            mismatches.Add(mismatch);
        }
    }
}
