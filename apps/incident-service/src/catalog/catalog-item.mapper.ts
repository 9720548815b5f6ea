import { CatalogItemDto } from './dto/catalog-item.dto';
import { CatalogItemEntity } from './entities/catalog-item.entity';

export function toCatalogItemDto(item: CatalogItemEntity): CatalogItemDto {
  return {
    id: item.id,
    code: item.code,
    nameJa: item.nameJa,
    nameEn: item.nameEn,
    descriptionJa: item.descriptionJa,
    descriptionEn: item.descriptionEn,
    category: item.category,
    formSchema: item.formSchema,
    approvalPolicy: item.approvalPolicy,
    approvalGroupId: item.approvalGroupId,
    approvalGroupName: item.approvalGroupName,
    fulfilmentGroupId: item.fulfilmentGroupId,
    fulfilmentGroupName: item.fulfilmentGroupName,
    taskTemplates: item.taskTemplates,
    active: item.active,
    sortOrder: item.sortOrder,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    version: item.version,
  };
}
