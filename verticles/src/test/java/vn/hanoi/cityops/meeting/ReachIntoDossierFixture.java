package vn.hanoi.cityops.meeting;

import vn.hanoi.cityops.dossier.DossierRepository;

/** Not a test: a meeting class using dossier's repository, for LayoutTest to prove its module rule fails on it. */
final class ReachIntoDossierFixture {
  DossierRepository wrong;
}
