namespace ProtocolOcr.Recognition.Words;

/// <summary>
/// The value whose spelling is nearest the words read in a field's words box (<see cref="NumberWordsDecoder"/>):
/// <see cref="Distance"/> letters away, and the nearest spelling of any other value <see cref="RunnerUpDistance"/>
/// away; only spellings a few letters away are told apart (<see cref="int.MaxValue"/> for none). <see cref="Value"/>
/// is null when no spelling is that near. <see cref="Language"/> is the language of the nearest spelling.
/// </summary>
public sealed record WordsDecoding(string Text, long? Value, int Distance, int RunnerUpDistance, string? Language = null)
{
    /// <summary>
    /// At most this many letters between the text read and the value's spelling. Measured on DEV (phone handwritten,
    /// seed 211, 520 words boxes read with kaz+rus): 88.8% read letter for letter, 97.5% within two letters.
    /// </summary>
    public const int MostLettersOff = 2;

    /// <summary>
    /// The next value's spelling at least this many letters further: on the same DEV boxes every wrong nearest value
    /// was tied with another; "он" (ten) or "сто" make one-digit neighbours only two or three letters apart.
    /// </summary>
    public const int LeastLead = 2;

    /// <summary>The value the words name clearly enough to be a witness, or null.</summary>
    public long? Named =>
        Value is { } value && Distance <= MostLettersOff && RunnerUpDistance - Distance >= LeastLead ? value : null;
}
