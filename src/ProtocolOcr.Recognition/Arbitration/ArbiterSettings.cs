namespace ProtocolOcr.Recognition.Arbitration;

/// <summary>
/// Thresholds of <see cref="EngineArbiter"/>. A field is printed-looking when Tesseract's weakest symbol reaches
/// <see cref="PrintedSureConfidence"/> (DEV: 798 of 840 printed fields, 51 of 1400 handwritten ones, 16 of those wrong);
/// ahead of the digit engine's different value Tesseract's value is kept while its calibrated chance is at least
/// <see cref="PrintedKeptFrom"/>. <see cref="WitnessShare"/>: how much of the chosen value's doubt goes to the other
/// engine's value as an alternative. Tesseract at <see cref="PrintedSupportedFrom"/> or more whose value the digit engine
/// gives as an alternative at <see cref="SupportingAlternative"/> or more (raw) is kept too (DEV: right 8 of 11). Sure
/// Tesseract whose value the digit engine has as an alternative at <see cref="ConfirmingAlternative"/> or more counts as
/// agreed by both (DEV: 81 fields, all right; 6 handwritten fields Tesseract misread had it under 0.1).
/// <see cref="DigitEngineAloneFrom"/>: a digit-engine reading this sure of a field an equality checks is not put to
/// Tesseract (its slowest half of reading): DEV (seeds 211-213), of the digit engine's readings at >= 0.9, Tesseract was
/// right on 1 of its 42 wrong ones, and printed fields read this surely were all right; replayed, review moved by
/// +0.2% (phone) and +1.1% (hard) at 0.99, with accuracy and silent errors unchanged.
/// <see cref="PrintWitnessFrom"/>: Tesseract this sure, short of <see cref="PrintedSureConfidence"/>, of more digits than
/// the digit engine read is put to the digit engine prepared for print too (bold printed digits the handwriting
/// preparation fattened into touching ones: DEV phone printed 256, 5 of its 8 wrong fields, Tesseract right at
/// 0.91-0.99). Not for as many digits: on DEV handwriting Tesseract and the print preparation misread alike ("1577" as
/// "1677", 8 fields).
/// <see cref="RecountedByWitness"/>: the chance given to the print witness's value when it is sure of as many digits as
/// Tesseract read, more than the digit engine, and a digit differs from Tesseract's: DEV phone printed 212, 256, 257
/// (8,386 fields), 10 such fields, the witness right on all 10, Tesseract on none; on DEV handwriting (5,026 fields,
/// seeds 211, 213, 223) no such field. Under the pipeline's acceptance, so the field is accepted only when the
/// arithmetic or the stated precinct confirms it.
/// <see cref="ConfirmedAtOtherScales"/>: the chance given to Tesseract's value when it read, at
/// <see cref="PrintedSupportedFrom"/> or more, more digits than both digit-engine preparations, each under
/// <see cref="DigitEngineUnsureBelow"/>, and Tesseract reads the same value again from the crop enlarged 1.5 times and
/// reduced to 0.75. DEV (every crop of printed 212, 256, 257 and handwritten 211, 213, 223 read so): 13 printed fields
/// in this case, Tesseract right on 9, and read alike at both scales on 5 (4 right; the wrong one, "262" for "202",
/// is no worse than the digit engine's "28"); 6 handwritten ones, Tesseract wrong on all 6 and alike at both scales on
/// none. Under acceptance, as <see cref="RecountedByWitness"/>.
/// </summary>
public sealed record ArbiterSettings(
    double PrintedSureConfidence = 0.99,
    double PrintedKeptFrom = 0.5,
    double WitnessShare = 0.3,
    double PrintedSupportedFrom = 0.95,
    double SupportingAlternative = 0.3,
    double ConfirmingAlternative = 0.1,
    double DigitEngineAloneFrom = 0.99,
    double PrintWitnessFrom = 0.9,
    double RecountedByWitness = 0.8,
    double ConfirmedAtOtherScales = 0.8,
    double DigitEngineUnsureBelow = 0.9)
{
    public static ArbiterSettings Default { get; } = new();
}
