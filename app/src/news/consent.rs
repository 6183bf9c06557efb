//! Photo consent at publish: who a post with photos reaches, and whether every pupil tagged in
//! it has consented to being seen that widely.

use crate::roster::PhotoConsent;

/// How widely a post is seen, narrowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// One pupil's portfolio: their own family only.
    OwnPortfolio,
    /// Several pupils' portfolios: each family sees the others' children.
    SharedPortfolio,
    /// A class story: every family of the class.
    Class,
    /// The school story: every family of the school.
    School,
    /// Outside the portal (the school's website).
    Public,
}

impl Reach {
    /// The least consent a pupil shown in a post of this reach must have given.
    pub fn needs(self) -> PhotoConsent {
        match self {
            Reach::OwnPortfolio => PhotoConsent::OwnPortfolio,
            // Another family seeing the child is what a class story is.
            Reach::SharedPortfolio | Reach::Class => PhotoConsent::Class,
            Reach::School => PhotoConsent::WholeSchool,
            Reach::Public => PhotoConsent::Public,
        }
    }
}

/// Whether a pupil who gave `consent` may be shown in a post reaching `reach`.
pub fn allows(consent: PhotoConsent, reach: Reach) -> bool {
    consent >= reach.needs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use PhotoConsent as C;

    #[test]
    fn every_level_against_every_reach() {
        // Rows: consent levels, narrowest first; columns: own portfolio, shared portfolio,
        // class, school, public.
        let table = [
            (C::None, [false, false, false, false, false]),
            (C::OwnPortfolio, [true, false, false, false, false]),
            (C::Class, [true, true, true, false, false]),
            (C::WholeSchool, [true, true, true, true, false]),
            (C::Public, [true, true, true, true, true]),
        ];
        let reaches = [
            Reach::OwnPortfolio,
            Reach::SharedPortfolio,
            Reach::Class,
            Reach::School,
            Reach::Public,
        ];
        for (consent, row) in table {
            for (reach, expected) in reaches.into_iter().zip(row) {
                assert_eq!(allows(consent, reach), expected, "{consent:?} in {reach:?}");
            }
        }
    }
}
