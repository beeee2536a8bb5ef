// GraphQL enums of the satisfaction vocabulary (@lc/domain), registered once for every module
// that speaks of dimensions or response channels.
import { registerEnumType } from 'type-graphql';
import { DIMENSIONS, RESPONSE_CHANNELS } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const DimensionEnum = enumObject(DIMENSIONS);
registerEnumType(DimensionEnum, {
  name: 'Dimension',
  description:
    '八度空间: the eight dimensions of the evaluation (党建引领度, 阵地辨识度, 服务专业度, 项目亲民度, 治理参与度, 资源融合度, 群众感受度, 社会显示度)',
});

export const ResponseChannelEnum = enumObject(RESPONSE_CHANNELS);
registerEnumType(ResponseChannelEnum, {
  name: 'ResponseChannel',
  description: 'ONLINE: answered in the resident app; OFFLINE: a paper response entered by staff',
});
