// Queries more than one case screen reads.
import { graphql } from '../../gql';

/** The categories of the viewer's district (the API picks the district). */
export const CaseCategoriesQuery = graphql(`
  query CaseCategories($districtId: ID) {
    caseCategories(districtId: $districtId) {
      code
      name
      nameEn
      startLevel
    }
  }
`);
