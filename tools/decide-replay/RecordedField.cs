namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>The three raw readings the arbiter may ask for: Tesseract, the digit engine, and the digit engine on a crop prepared for print.</summary>
internal sealed record RecordedField(RawReading Printed, RawReading Handwritten, RawReading AsPrint);
