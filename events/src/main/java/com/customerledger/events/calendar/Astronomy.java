package com.customerledger.events.calendar;

import java.time.Instant;

/**
 * The two instants the Chinese calendar is built from: when the Sun's apparent longitude reaches a given angle
 * (a solar term) and when the Moon is new. Times are Julian days; "ephemeris" ones (JDE) run on dynamical time,
 * and {@link #universal} turns them into UT with the ΔT of Espenak and Meeus.
 */
final class Astronomy {

    /** The Julian day of 1970-01-01T00:00Z. */
    private static final double UNIX_EPOCH = 2440587.5;
    private static final double J2000 = 2451545.0;
    private static final double TROPICAL_YEAR = 365.242189;
    private static final double SYNODIC_MONTH = 29.530588861;
    private static final double ARC_SECOND = Math.PI / 180 / 3600;

    private Astronomy() {
    }

    static Instant instant(double julianDayUt) {
        double millis = (julianDayUt - UNIX_EPOCH) * 86_400_000.0;
        return Instant.ofEpochMilli(Math.round(millis));
    }

    static double julianDay(Instant instant) {
        return UNIX_EPOCH + instant.toEpochMilli() / 86_400_000.0;
    }

    /** UT from dynamical time: JDE − ΔT. */
    static double universal(double julianEphemerisDay) {
        double year = 2000 + (julianEphemerisDay - J2000) / 365.25;
        return julianEphemerisDay - deltaT(year) / 86_400;
    }

    /**
     * ΔT = TT − UT in seconds, from the polynomials of Espenak and Meeus (NASA's "Five Millennium Canon of Solar
     * Eclipses", 2006) for 1900–2150 and their parabola beyond; a few seconds off at most in this century, which
     * moves a solar term or a new moon by as many seconds.
     */
    static double deltaT(double year) {
        if (year < 1900) {
            double u = (year - 1820) / 100;
            return -20 + 32 * u * u;
        }
        if (year < 1920) {
            double t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
        }
        if (year < 1941) {
            double t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        }
        if (year < 1961) {
            double t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        if (year < 1986) {
            double t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
                    + 0.00002373599 * t * t * t * t * t;
        }
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100;
        if (year < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
        return -20 + 32 * u * u;
    }

    /**
     * The Sun's apparent geocentric longitude in degrees [0, 360) at a JDE: VSOP87 Earth turned round, the FK5
     * correction, nutation in longitude (its four largest terms, good to half an arc second) and aberration.
     */
    static double apparentSolarLongitude(double julianEphemerisDay) {
        double tau = (julianEphemerisDay - J2000) / 365_250;
        double t = tau * 10;
        double geometric = Vsop87Earth.longitude(tau) + Math.PI;
        double fk5 = -0.09033 * ARC_SECOND;
        double node = Math.toRadians(125.04452 - 1934.136261 * t);
        double sunMean = Math.toRadians(280.4665 + 36000.7698 * t);
        double moonMean = Math.toRadians(218.3165 + 481267.8813 * t);
        double nutation = (-17.20 * Math.sin(node) - 1.32 * Math.sin(2 * sunMean) - 0.23 * Math.sin(2 * moonMean)
                + 0.21 * Math.sin(2 * node)) * ARC_SECOND;
        double aberration = -20.4898 * ARC_SECOND / Vsop87Earth.radius(tau);
        double degrees = Math.toDegrees(geometric + fk5 + nutation + aberration) % 360;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /**
     * The JDE at which the Sun's apparent longitude is {@code degrees}, the first such moment after
     * {@code fromJde} minus a few days' slack: Newton's steps on the longitude, which moves about 0.98° a day.
     */
    static double whenSolarLongitude(double degrees, double nearJde) {
        double jde = nearJde;
        for (int step = 0; step < 20; step++) {
            double behind = degrees - apparentSolarLongitude(jde);
            behind -= 360 * Math.floor((behind + 180) / 360);
            double days = behind * TROPICAL_YEAR / 360;
            jde += days;
            if (Math.abs(days) < 1e-7) {
                break;
            }
        }
        return jde;
    }

    /** The lunation number of the new moon nearest a JDE: 0 is that of 2000-01-06. */
    static long lunationNear(double julianEphemerisDay) {
        return Math.round((julianEphemerisDay - 2451550.09766) / SYNODIC_MONTH);
    }

    /**
     * The JDE of new moon number {@code k} (Meeus, chapter 49: the mean phase with its periodic and planetary
     * corrections; within about half a minute of the true instant).
     */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3
                - 0.000000058 * t4);
        double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3
                + 0.000000011 * t4);
        double node = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double correction = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(node)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        double[][] planetary = {
                {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
                {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
                {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
                {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
                {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double additional = 0;
        for (int i = 0; i < planetary.length; i++) {
            double angle = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            additional += planetary[i][2] * Math.sin(Math.toRadians(angle));
        }
        return jde + correction + additional;
    }
}
