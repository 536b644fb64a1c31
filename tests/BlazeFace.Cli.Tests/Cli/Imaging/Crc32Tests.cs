using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Tests.Imaging;

public class Crc32Tests
{
    [Test]
    public void MatchesTheStandardCheckValue() =>
        Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));

    [Test]
    public void EmptyInputHasCrcZero() => Assert.That(Crc32.Compute([]), Is.EqualTo(0u));

    [Test]
    public void MatchesTheCrcEveryPngStoresForIend() =>
        Assert.That(Crc32.Compute("IEND"u8), Is.EqualTo(0xAE426082u));

    [Test]
    public void AppendingInPiecesEqualsComputingAtOnce()
    {
        uint state = Crc32.Append(Crc32.InitialState, "1234"u8);
        state = Crc32.Append(state, "56789"u8);

        Assert.That(Crc32.Finish(state), Is.EqualTo(Crc32.Compute("123456789"u8)));
    }
}
