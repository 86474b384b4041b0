namespace ProtocolOcr.Pipeline;

/// <summary>Why a field goes to a person (FieldReading.ReviewReason).</summary>
public static class ReviewReasons
{
    public const string Empty = "empty";
    public const string Unreadable = "unreadable";
    public const string LowConfidence = "low_confidence";

    /// <summary>No equality relation vouches for the value (precinct number, voters on the list) and only one engine read it.</summary>
    public const string SingleWitness = "single_witness";

    /// <summary>The precinct number read is not the one the sender named with the photo: one of the two is wrong.</summary>
    public const string StatedPrecinctDiffers = "stated_precinct_differs";

    /// <summary>The count written in words names another value than the digits read (both are listed for the person).</summary>
    public const string WordsDiffer = "words_differ";

    /// <summary>"relation_failed:R2,R4": the error-level relations that fail and involve the field.</summary>
    public static string RelationFailed(IEnumerable<string> relationIds) => "relation_failed:" + string.Join(",", relationIds);

    /// <summary>"relation_unverified:R4": an error-level relation with the field could not be checked (another value is missing).</summary>
    public static string RelationUnverified(IEnumerable<string> relationIds) => "relation_unverified:" + string.Join(",", relationIds);

    /// <summary>"corrected_by_relation:R4": not a review reason but the mark of an accepted value the arithmetic restored.</summary>
    public static string CorrectedByRelation(IEnumerable<string> relationIds) => "corrected_by_relation:" + string.Join(",", relationIds);
}
