using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// How an aligned face crop sits in its source image: a similarity transform (turn, uniform scale, shift). Use it to
/// map what a later model finds in the crop (landmarks, a box) back into the image.
/// </summary>
/// <param name="CenterX">Horizontal image coordinate shown at the centre of the crop.</param>
/// <param name="CenterY">Vertical image coordinate shown at the centre of the crop.</param>
/// <param name="Scale">Crop pixels per image pixel.</param>
/// <param name="RotationDegrees">
/// How far the crop's axes are turned clockwise in the image: the face's <see cref="FaceDetection.Roll"/>. The crop's
/// x axis runs along the face's eye line, from its right eye to its left.
/// </param>
/// <param name="Width">Crop width in pixels.</param>
/// <param name="Height">Crop height in pixels.</param>
public readonly record struct FaceCropTransform(float CenterX, float CenterY, float Scale, float RotationDegrees, int Width, int Height)
{
    /// <summary>Maps a point of the crop (pixel x covers [x, x + 1)) to image pixels.</summary>
    /// <param name="cropX">Horizontal crop coordinate.</param>
    /// <param name="cropY">Vertical crop coordinate.</param>
    public (float X, float Y) ToImage(float cropX, float cropY)
    {
        (double cos, double sin) = RotationMath.CosSin(RotationDegrees);
        double dx = (cropX - (Width / 2.0)) / Scale;
        double dy = (cropY - (Height / 2.0)) / Scale;
        return ((float)(CenterX + (cos * dx) - (sin * dy)), (float)(CenterY + (sin * dx) + (cos * dy)));
    }

    /// <summary>Maps a point in image pixels into the crop: the inverse of <see cref="ToImage"/>.</summary>
    /// <param name="imageX">Horizontal image coordinate.</param>
    /// <param name="imageY">Vertical image coordinate.</param>
    public (float X, float Y) ToCrop(float imageX, float imageY)
    {
        (double cos, double sin) = RotationMath.CosSin(RotationDegrees);
        double dx = imageX - (double)CenterX;
        double dy = imageY - (double)CenterY;
        return ((float)((Width / 2.0) + (Scale * ((cos * dx) + (sin * dy)))), (float)((Height / 2.0) + (Scale * ((cos * dy) - (sin * dx)))));
    }
}
