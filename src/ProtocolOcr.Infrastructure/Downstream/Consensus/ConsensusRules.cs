namespace ProtocolOcr.Infrastructure.Downstream.Consensus;

/// <summary>
/// Merges the values of a precinct's uploads into one value per field. Precedence: operator decisions over OCR
/// (an operator has looked at the crop); within the winning source every upload must agree, otherwise the field has
/// no value and the precinct goes to review. Photos that agree strengthen the confidence: the combined confidence is
/// the chance that not all of them are wrong, 1 - prod(1 - c_i), treating photos as independent readings.
/// </summary>
public static class ConsensusRules
{
    public static PrecinctConsensus Decide(
        IReadOnlyList<Guid> uploadIds, IReadOnlyList<ConsensusCandidate> candidates, IReadOnlyCollection<string> requiredFields)
    {
        var fields = candidates
            .GroupBy(c => c.FieldId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => DecideField(g.Key, g.ToList()))
            .ToList();
        var status = fields.Any(f => f.Source == ValueSource.Disagreement) ? PrecinctStatus.NeedsReview
            : requiredFields.All(id => fields.Any(f => f.FieldId == id && f.Value is not null)) ? PrecinctStatus.Verified
            : PrecinctStatus.Incomplete;
        return new PrecinctConsensus(status, uploadIds, fields);
    }

    private static FieldConsensus DecideField(string fieldId, IReadOnlyList<ConsensusCandidate> candidates)
    {
        var uploads = candidates.Select(c => c.UploadId).Distinct().Order().ToList();
        var operatorValues = candidates.Where(c => c.Source == ValueSource.Operator).ToList();
        var winning = operatorValues.Count > 0 ? operatorValues : candidates.Where(c => c.Source == ValueSource.Ocr).ToList();
        var values = winning.Select(c => c.Value).Distinct().ToList();
        if (values.Count > 1)
        {
            var disagreement = winning.OrderBy(c => c.UploadId).Select(c => new UploadValue(c.UploadId, c.Value, c.Source)).ToList();
            return new FieldConsensus(fieldId, null, ValueSource.Disagreement, uploads, 0, 0, disagreement);
        }

        var value = values[0];
        var agreeingPhotos = candidates.Where(c => c.Value == value).Select(c => c.UploadId).Distinct().Count();
        if (operatorValues.Count > 0)
        {
            return new FieldConsensus(fieldId, value, ValueSource.Operator, uploads, agreeingPhotos, 1, null);
        }

        var allWrong = winning.Aggregate(1.0, (product, c) => product * (1 - Math.Clamp(c.Confidence, 0, 1)));
        return new FieldConsensus(fieldId, value, ValueSource.Ocr, uploads, agreeingPhotos, 1 - allWrong, null);
    }
}
