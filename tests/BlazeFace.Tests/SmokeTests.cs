namespace BlazeFace.Tests;

public class SmokeTests
{
    [Test]
    public void Builds() => Assert.That(1, Is.EqualTo(1));
}
